#!/usr/bin/env bash
# Regenerates data/lang/{fr,en}/lexicon.tsv.gz from Debian's Hunspell dictionaries.
# Needs: apt-get install hunspell-fr-comprehensive hunspell-en-us python3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dic=/usr/share/hunspell
python3 "$root/tools/lexicon/build_lexicon.py" "$dic/fr.dic" "$dic/fr.aff" "$root/data/lang/fr/lexicon.tsv.gz" fr
python3 "$root/tools/lexicon/build_lexicon.py" "$dic/en_US.dic" "$dic/en_US.aff" "$root/data/lang/en/lexicon.tsv.gz" en
echo "lexicons written to data/lang/{fr,en}/lexicon.tsv.gz"
