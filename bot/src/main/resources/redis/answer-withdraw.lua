-- answer-withdraw.lua: takes back a counted answer (deleted, or edited until it no longer qualifies).
-- Guarantees: (1) the event id goes into the round's seen set first; a redelivered or replayed event
-- changes nothing, and for a delete that id also stops a late or redelivered create of the same message
-- from ever counting; (2) atomically, every point the answer earned (base, streak, votes, award) leaves the
-- same all-time, week and month boards it was added to, the member's counters drop, and their streak state
-- returns to what it was before this answer (when it is still their latest one), and the round's date leaves
-- their answered days.
-- The caller names the answer's author (to declare the member key); if the record says otherwise the
-- script returns 'stale' without writing anything and the caller looks again.
-- KEYS: 1 seen, 2 answers, 3 voters, 4 member, 5 board all-time, 6 board week, 7 board month, 8 the
--       expected author's answered days
-- ARGV: 1 event id, 2 message id, 3 expected author, 4 round seq, 5 tie, 6 seen ttl (seconds), 7 the
--       expected author's answered mark (removed with the answer, so the member may answer again), 8 the
--       round's date
local record = redis.call('HGET', KEYS[2], ARGV[2])
local f = record and unpack_record(record)
if f and f[1] ~= ARGV[3] then return 'stale' end
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 'duplicate' end
expire_once(KEYS[1], ARGV[6])
if not f then return 'none' end
local p = {all = KEYS[5], week = KEYS[6], month = KEYS[7], seq = tonumber(ARGV[4]), tie = tonumber(ARGV[5]),
  seen = KEYS[1], mark = ARGV[7], date = ARGV[8]}
withdraw(KEYS[2], KEYS[3], KEYS[4], KEYS[8], p, ARGV[2], f, true)
return 'withdrawn'
