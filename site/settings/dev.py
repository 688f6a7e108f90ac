"""The embedded default used by `make run`: debug on, everything on this machine."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# `make run` prints demo accounts a newcomer can sign in with (community.accounts.demo_accounts).
DEMO_ACCOUNTS = env_bool("DEMO_ACCOUNTS", True)
