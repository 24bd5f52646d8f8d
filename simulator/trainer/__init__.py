"""Trainer mode: replay a catalog scenario in front of a class, with captions and a video.

``captions`` builds the texts (from the scenario's steps and the message catalog), ``overlay``
puts them on every desk page, ``plugin`` drives both from pytest-bdd's step hooks and
``replay`` runs one scenario that way (``spse-sim replay``).
"""
