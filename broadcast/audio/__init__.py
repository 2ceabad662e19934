"""The audio draft: engines speak each line (speech), a cache keeps the clips, the mixer lays them, mastering
brings the mix to loudness and writes it with its captions (master); `story` is one story's draft.

The command line's script path never imports this package: it stays free of audio libraries.
"""
