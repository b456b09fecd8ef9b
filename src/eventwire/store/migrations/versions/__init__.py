"""Named, ordered schema revisions (``v0001_...``)."""
