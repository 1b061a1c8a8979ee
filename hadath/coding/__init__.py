"""The event coder: trigger patterns, argument slots, filters, time, place and confidence."""
