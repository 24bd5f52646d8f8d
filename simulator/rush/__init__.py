"""The deadline rush: many vendors uploading sealed offers in the last minute, driven by Locust.

``prepare`` arranges the world (vendors, certificates, one tender, sealed offers) and writes a
plan; ``locustfile`` is what Locust runs (in-process through ``engine``, or by Locust's own
master/workers); ``people`` are a few real Chromium vendors walking the upload page meanwhile;
``verdict`` judges the run from the server's own state; ``report`` writes what people read.
"""
