"""``python -m rnntui`` runs the command-line interface."""

from rnntui.cli import main

if __name__ == "__main__":
    main()
