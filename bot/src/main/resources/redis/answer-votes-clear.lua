-- answer-votes-clear.lua: takes back every 👍 of one counted answer at once (a moderator removed all its
-- reactions, or all its 👍), which Discord reports as one event instead of one removal per member.
-- Guarantees: idempotent by state: the voters of the message leave the round's voters set, so a second run
-- (a redelivery) finds none and changes nothing; atomically, the record's votes and vote points return to 0
-- and the author's votes received and the three boards of the answer's round drop by the same amounts.
-- The caller names the answer's author; a mismatch returns 'stale' without writing anything.
-- KEYS: 1 voters, 2 answers, 3 member (author), 4 board all-time, 5 board week, 6 board month
-- ARGV: 1 message id, 2 expected author, 3 tie
local record = redis.call('HGET', KEYS[2], ARGV[1])
if not record then return 'none' end
local f = unpack_record(record)
if f[1] ~= ARGV[2] then return 'stale' end
if f[4] == 0 then return 'duplicate' end
local cursor = '0'
repeat
  local page = redis.call('SSCAN', KEYS[1], cursor, 'MATCH', ARGV[1] .. ':*', 'COUNT', 500)
  cursor = page[1]
  if #page[2] > 0 then redis.call('SREM', KEYS[1], unpack(page[2])) end
until cursor == '0'
redis.call('HINCRBY', KEYS[3], 'votes', -f[4])
boards_add(KEYS[4], KEYS[5], KEYS[6], f[1], -f[5], tonumber(ARGV[3]))
f[4], f[5] = 0, 0
redis.call('HSET', KEYS[2], ARGV[1], pack_record(f))
return 'counted'
