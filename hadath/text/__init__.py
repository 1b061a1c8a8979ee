"""The Arabic text layer: normalisation, boilerplate, sentences, tokens with clitics, dates."""
