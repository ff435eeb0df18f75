"""dangvu: party organization-building work of a committee, as data."""
