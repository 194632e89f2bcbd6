"""A small BERT in plain torch, shaped like all-MiniLM-L6-v2, for training and ONNX export.

Written out (about a hundred lines) instead of depending on `transformers`: the training
extra stays torch alone, and the module names match the base weights' keys, so loading
them is a plain `load_state_dict`. Only training and export import this module."""

from __future__ import annotations

import math
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from bot.model.base_weights import CONFIG


class _Embeddings(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(CONFIG["vocab_size"], CONFIG["hidden"])
        self.position_embeddings = nn.Embedding(CONFIG["max_positions"], CONFIG["hidden"])
        self.token_type_embeddings = nn.Embedding(CONFIG["type_vocab"], CONFIG["hidden"])
        self.LayerNorm = nn.LayerNorm(CONFIG["hidden"], eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        summed = (
            self.word_embeddings(input_ids)
            + self.position_embeddings(positions)
            + self.token_type_embeddings(token_type_ids)
        )
        return self.dropout(self.LayerNorm(summed))


class _SelfAttention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(CONFIG["hidden"], CONFIG["hidden"])
        self.key = nn.Linear(CONFIG["hidden"], CONFIG["hidden"])
        self.value = nn.Linear(CONFIG["hidden"], CONFIG["hidden"])


class _AttentionOutput(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.dense = nn.Linear(width, CONFIG["hidden"])
        self.LayerNorm = nn.LayerNorm(CONFIG["hidden"], eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, hidden: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dropout(self.dense(hidden)) + residual)


class _Attention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        setattr(self, "self", _SelfAttention())
        self.output = _AttentionOutput(CONFIG["hidden"])

    def forward(self, hidden: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        heads, batch, length = CONFIG["heads"], hidden.shape[0], hidden.shape[1]
        size = CONFIG["hidden"] // heads
        attention: _SelfAttention = getattr(self, "self")

        def split(layer: nn.Linear) -> torch.Tensor:
            return layer(hidden).view(batch, length, heads, size).transpose(1, 2)

        q, k, v = split(attention.query), split(attention.key), split(attention.value)
        scores = q @ k.transpose(-1, -2) / math.sqrt(size) + bias
        weights = F.dropout(scores.softmax(-1), 0.1, self.training)
        context = (weights @ v).transpose(1, 2).reshape(batch, length, CONFIG["hidden"])
        return self.output(context, hidden)


class _Intermediate(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.dense = nn.Linear(CONFIG["hidden"], CONFIG["intermediate"])

    def forward(self, hidden: torch.Tensor) -> torch.Tensor:
        return F.gelu(self.dense(hidden))


class _Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.attention = _Attention()
        self.intermediate = _Intermediate()
        self.output = _AttentionOutput(CONFIG["intermediate"])

    def forward(self, hidden: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        hidden = self.attention(hidden, bias)
        return self.output(self.intermediate(hidden), hidden)


class _Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer() for _ in range(CONFIG["layers"]))


class MiniLM(nn.Module):
    """The transformer body: token ids in, one hidden vector per token out."""

    def __init__(self) -> None:
        super().__init__()
        self.embeddings = _Embeddings()
        self.encoder = _Encoder()

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.embeddings(input_ids, token_type_ids)
        # Padding gets a large negative score so softmax ignores it.
        bias = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -1e4
        for layer in self.encoder.layer:
            hidden = layer(hidden, bias)
        return hidden

    @classmethod
    def from_base(cls, weights: Path) -> "MiniLM":
        """The body with the (already verified) base weights loaded; the pooler is unused."""
        from safetensors.torch import load_file

        state = {
            key: value
            for key, value in load_file(str(weights)).items()
            if not key.startswith("pooler.") and key != "embeddings.position_ids"
        }
        model = cls()
        model.load_state_dict(state, strict=True)
        return model


class CrossEncoder(nn.Module):
    """Premise and claim read together ([CLS] premise [SEP] claim [SEP]); the [CLS] vector
    goes through a small head to three logits: entailment, neutral, contradiction."""

    LABELS = ("entailment", "neutral", "contradiction")

    def __init__(self, body: MiniLM) -> None:
        super().__init__()
        self.body = body
        self.head = nn.Sequential(
            nn.Dropout(0.1),
            nn.Linear(CONFIG["hidden"], CONFIG["hidden"]),
            nn.Tanh(),
            nn.Dropout(0.1),
            nn.Linear(CONFIG["hidden"], len(self.LABELS)),
        )

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        return self.head(self.body(input_ids, attention_mask, token_type_ids)[:, 0])


class SentenceEncoder(nn.Module):
    """all-MiniLM-L6-v2 as published: mean of the token vectors, L2-normalised."""

    def __init__(self, body: MiniLM) -> None:
        super().__init__()
        self.body = body

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.body(input_ids, attention_mask, token_type_ids)
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return F.normalize(pooled, p=2, dim=1)
