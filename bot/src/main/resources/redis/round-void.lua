-- round-void.lua: withdraws every answer of a round (an admin skipped it) and closes it to new answers.
-- Guarantees: idempotent by state: id 0 in the round's seen set makes answer-record.lua refuse the round
-- from now on (the 'void' field of the answers hash keeps the fact after the seen set expired), and a second
-- run finds no answers left to withdraw. Atomically, every answer's points leave the
-- boards they were added to, and every member's counters and streak state are undone as in
-- answer-withdraw.lua (the round's date leaves each author's answered days). The caller declares the member keys of the round's authors; if an answer's author is
-- missing the script returns 'stale' without writing anything and the caller looks again.
-- KEYS: 1 answers, 2 voters, 3 board all-time, 4 board week, 5 board month, 6 seen, 7.. member keys, then
--       the same members' answered days keys
-- ARGV: 1 round seq, 2 tie, 3 seen ttl (seconds), 4 round date, 5.. member ids, in the order of KEYS[7..]
local member_keys = {}
local days_keys = {}
local n = #ARGV - 4
for i = 5, #ARGV do
  member_keys[ARGV[i]] = KEYS[i + 2]
  days_keys[ARGV[i]] = KEYS[i + 2 + n]
end
local all = redis.call('HGETALL', KEYS[1])
local records = {}
for i = 1, #all, 2 do
  if is_message(all[i]) then
    local f = unpack_record(all[i + 1])
    if not member_keys[f[1]] then return 'stale' end
    records[#records + 1] = {all[i], f}
  end
end
redis.call('HSET', KEYS[1], 'void', '1')
redis.call('SADD', KEYS[6], '0')
expire_once(KEYS[6], ARGV[3])
local p = {all = KEYS[3], week = KEYS[4], month = KEYS[5], seq = tonumber(ARGV[1]), tie = tonumber(ARGV[2]),
  date = ARGV[4]}
for _, r in ipairs(records) do
  withdraw(KEYS[1], KEYS[2], member_keys[r[2][1]], days_keys[r[2][1]], p, r[1], r[2], false)
end
redis.call('DEL', KEYS[2])
return 'voided:' .. #records
