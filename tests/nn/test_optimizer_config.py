"""Optimizer configs: Keras' key names, and a config builds the same optimizer again."""

from __future__ import annotations

import pytest

from rnntui.nn.optimizers import SGD, Adam, Optimizer, RMSprop

KERAS_KEYS = {
    SGD: ["momentum", "nesterov"],
    Adam: ["beta_1", "beta_2", "epsilon"],
    RMSprop: ["rho", "epsilon"],
}
"""The hyperparameters each Keras 3 optimizer's ``get_config`` names (besides learning_rate,
clipnorm and global_clipnorm)."""


@pytest.mark.parametrize(
    "optimizer",
    [
        SGD(0.05, momentum=0.5, nesterov=True),
        Adam(0.002, beta_1=0.8, clipnorm=1.0),
        RMSprop(rho=0.7),
    ],
)
def test_config_names_and_round_trip(optimizer: Optimizer) -> None:
    config = optimizer.get_config()
    base = ["name", "learning_rate", "clipnorm", "global_clipnorm"]
    assert list(config) == base + KERAS_KEYS[type(optimizer)]
    again = type(optimizer)(**{k: v for k, v in config.items() if k != "name"})
    assert again.get_config() == config
    assert config["learning_rate"] == optimizer.learning_rate and config["name"] == optimizer.name
