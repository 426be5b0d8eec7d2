"""``python -m rnntui`` runs the command-line interface."""

from rnntui.entry import main

if __name__ == "__main__":
    main()
