"""The project's trained models: base weights, the torch definition used to train and
export them, and the onnxruntime loaders the checker uses at run time (no torch there)."""
