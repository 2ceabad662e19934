"""The audio draft: engines speak each segment, a cache keeps the clips, the mixer assembles the story.

Only `broadcast audio` and `broadcast voices` import this package: the script path stays free of audio
libraries.
"""
