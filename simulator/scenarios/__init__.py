"""The scenario catalog: Gherkin features, tags, the pytest plugin, steps, and running them."""
