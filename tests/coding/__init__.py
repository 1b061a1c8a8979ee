"""Unit tests for the event coder (hadath.coding) from invented Arabic news sentences."""
