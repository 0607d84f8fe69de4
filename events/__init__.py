"""The event model and the pipeline: corpus -> sentences -> dated statements ->
entities -> events -> comparisons -> TOML. Never imports Textual."""
