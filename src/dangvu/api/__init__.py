"""The REST API (/api/v1/): the same selectors and services as the pages, for other systems."""
