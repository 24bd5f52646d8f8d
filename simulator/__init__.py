"""The desk side: SpamKodok 2, browsers, journeys, the catalog and the runs built on them."""
