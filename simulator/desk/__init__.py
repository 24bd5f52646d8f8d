"""What runs on a user's computer: SpamKodok 2 (keystore, checks, CMS) and APENDO."""
