"""SpamKodok 2 on a desk: keystore, file and certificate checks, offer package, CMS."""
