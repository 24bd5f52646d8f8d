"""Deterministic test data: Indonesian vendors, staff and tenders (Faker), and small valid PDFs."""
