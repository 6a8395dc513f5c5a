#!/usr/bin/env bash
# Writes a synthetic member file in the insurer's format (docs/import.md) to standard output, to measure and try
# scripts/import-members.sh: a byte order mark, CRLF line ends, quoted addresses holding ';', accents and
# ligatures, both date forms, phones written in several French ways or missing. Same N and SEED, same file.
#
#   scripts/member-file.sh N [SEED] > members.csv
set -euo pipefail
count=${1:?usage: scripts/member-file.sh N [SEED] > members.csv}
seed=${2:-1}
printf '\xef\xbb\xbf'
LC_ALL=C.UTF-8 awk -v count="$count" -v seed="$seed" 'BEGIN {
  srand(seed)
    split("MARTIN;BERNARD;DUBOIS;LEFÈVRE;CŒUR;D'"'"'ARCY;LE GOFF;MÜLLER;GUÉRIN;SAINT-JUST;LÆTITIA-ROUX;N'"'"'DIAYE", last, ";")
  split("Paul Marie Hélène Jean-Noël Zoé Anaïs François Chloé Jérôme Gaëlle Loïc Théo", first, " ")
  split("rue;avenue;place;allée;boulevard", kind, ";")
  split("Victor Hugo;de la République;des Lilas;du Marché;Émile Zola", street, ";")
  split("75011 PARIS;69002 LYON;06000 NICE;13001 MARSEILLE;44000 NANTES", city, ";")
  printf "numero_adherent;nom;prenoms;date_naissance;adresse;code_postal;ville;portable\r\n"
  for (i = 0; i < count; i++) {
    n = "5" sprintf("%09d", i)
    number = (i % 2) ? substr(n, 1, 8) "." substr(n, 9, 2) : n
    y = 1930 + int(rand() * 75); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
    born = (i % 3) ? sprintf("%02d/%02d/%04d", d, m, y) : sprintf("%04d-%02d-%02d", y, m, d)
    address = sprintf("\"%d %s %s; bât. %c\"", 1 + int(rand() * 199), kind[1 + int(rand() * 5)], street[1 + int(rand() * 5)], 65 + int(rand() * 4))
    split(city[1 + int(rand() * 5)], place, " ")
    digits = sprintf("%08d", int(rand() * 100000000))
    r = int(rand() * 4)
    phone = r == 0 ? "" : r == 1 ? sprintf("+33 6 %s %s %s %s", substr(digits, 1, 2), substr(digits, 3, 2), substr(digits, 5, 2), substr(digits, 7, 2)) \
      : r == 2 ? "07." substr(digits, 1, 2) "." substr(digits, 3, 2) "." substr(digits, 5, 2) "." substr(digits, 7, 2) : "06" digits
    printf "%s;%s;%s;%s;%s;%s;%s;%s\r\n", number, last[1 + int(rand() * 12)], first[1 + int(rand() * 12)], born, address, place[1], place[2], phone
  }
}'
