"""Benchmarks of omni_codec against its floors and its peers.

``python -m benchmarks.run`` measures everything; see ``benchmarks/README.md``. The
package is not installed with omni_codec: its dependencies are the ``bench`` extra.
"""
