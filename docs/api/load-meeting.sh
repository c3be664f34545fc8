#!/usr/bin/env bash
# An example of a program that uses the Mamori API (/api/v1): it loads a council meeting with two agenda items
# (an 諮問 and a 報告), reads the meeting back as Mamori shows it, and reads the 別表 (the category × case matrix)
# of a review round. Everything it does can be seen in the web pages and in the audit trail.
#
#   MAMORI_URL=https://mamori.city.example.lg.jp MAMORI_TOKEN=mmr_... \
#     docs/api/load-meeting.sh COUNCIL_ID ROUND_ID 2026-12-10
#
# The token is issued on /account/tokens (アカウント設定 → API トークン) by an account of 事務局, with 読み書き and
# the modules 審議会・会議録 and 自己点検・部会審査. Only curl is needed. A refused request prints Mamori's
# ProblemDetails (Japanese messages by field) and stops the script.
# The OpenAPI document of every endpoint is at $MAMORI_URL/api/v1/openapi.json.
set -euo pipefail

council=${1:?審議会の id を指定してください（GET /api/v1/council で一覧）}
round=${2:?部会審査の回の id を指定してください（GET /api/v1/reviews/rounds で一覧）}
held_on=${3:-$(date +%F)}
: "${MAMORI_URL:?MAMORI_URL に Mamori のアドレスを設定してください}"
: "${MAMORI_TOKEN:?MAMORI_TOKEN に API トークンを設定してください}"

# One call: the method, the path, and a JSON body when there is one. A refusal prints its body and ends the script.
api() {
  local method=$1 path=$2 body=${3:-}
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$MAMORI_URL$path" \
    -H "Authorization: Bearer $MAMORI_TOKEN" -H 'Accept: application/json' \
    ${body:+-H 'Content-Type: application/json; charset=utf-8' --data-binary "$body"})
  if [ "$status" -ge 300 ]; then
    echo "$method $path → $status" >&2
    cat "$out" >&2
    echo >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

# The id of the record a response describes (its first "id").
id_of() { sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p'; }

meeting=$(api POST /api/v1/council/meetings \
  "{\"councilId\":\"$council\",\"title\":\"第1回 個人情報保護審議会\",\"kind\":\"対面\",\"heldOn\":\"$held_on\",\"startsAt\":\"14:00\",\"endsAt\":\"16:00\",\"place\":\"第1委員会室\"}" | id_of)
consultation=$(api POST /api/v1/council/items \
  "{\"councilId\":\"$council\",\"kind\":\"諮問\",\"title\":\"住民情報システムの標準化に伴う個人情報の取扱いについて\"}" | id_of)
report=$(api POST /api/v1/council/items \
  "{\"councilId\":\"$council\",\"kind\":\"報告\",\"title\":\"個人情報の漏えい等事案について\"}" | id_of)
api POST "/api/v1/council/meetings/$meeting/items" "{\"itemId\":\"$consultation\",\"label\":\"議題1\"}" >/dev/null
api POST "/api/v1/council/meetings/$meeting/items" "{\"itemId\":\"$report\",\"label\":\"議題2\"}" >/dev/null

echo "== 会議 $meeting"
api GET "/api/v1/council/meetings/$meeting"
echo
echo "== 別表（部会審査 $round）"
api GET "/api/v1/reviews/rounds/$round/matrix"
echo
