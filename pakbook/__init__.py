"""Loaders, validation, geography, figure style and maps for the book *Pakistan between Beijing and Washington*."""
