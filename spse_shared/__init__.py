"""What server and desk both use: messages, profiles, certificate names, WIB, atomic writes."""
