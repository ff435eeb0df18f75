"""The flows that cross areas, written as plain calls a reader can follow.

This is the top layer: it imports the areas (orgs, members, documents, tracking) and no
area imports it, except their views and commands, which call a flow where a write crosses
areas. Each flow is one transaction:

- `restructure`: an organization merged, split or dissolved, then its members and its
  tasks moved to the successor or the parts (or the change refused);
- `register`: a document entered in the register, then the tasks it completes;
- `home`: the home page's summary, composed of each area's own selectors;
- `demo`: the demo data, area by area, in dependency order.
"""
