-- member-forget.lua: removes one member from every board and record of one guild, in one atomic step.
-- Guarantees: afterwards no board of the guild has the member (the others' ranks close up, their points and
-- tie-breaks untouched), nor the member's counters and streak, name, answered days, answer records or votes;
-- nobody sees a half-forgotten member (one script); running it again removes nothing more and answers zeros.
-- Every key carries the guild's hash tag, so on a Cluster the whole script runs on one node.
-- KEYS: 1 member counters, 2 answered days, 3 names, then ARGV[2] boards, then ARGV[3] rounds' answers
--       hashes, then the same rounds' voters sets (in the same order)
-- ARGV: 1 member id, 2 number of boards, 3 number of rounds
-- Returns {boards left, answer records removed, counters removed, name removed, days removed, votes removed}
local member = ARGV[1]
local boards = tonumber(ARGV[2])
local rounds = tonumber(ARGV[3])
local left, answers, votes = 0, 0, 0
for i = 4, 3 + boards do
  left = left + redis.call('ZREM', KEYS[i], member)
end
local prefix = member .. ','
for r = 1, rounds do
  local hash = KEYS[3 + boards + r]
  local voters = KEYS[3 + boards + rounds + r]
  local all = redis.call('HGETALL', hash)
  local mine = {}
  for i = 1, #all, 2 do
    local field, packed = all[i], all[i + 1]
    -- an answer record is '<author>,<points>...' under its message id; other fields (best) are not records
    if string.match(field, '^%d+$') and string.sub(packed, 1, #prefix) == prefix then
      mine[field] = true
      redis.call('HDEL', hash, field)
      answers = answers + 1
    end
  end
  -- votes are '<message>:<voter>': the member's own votes, and the votes on the member's removed answers
  for _, vote in ipairs(redis.call('SMEMBERS', voters)) do
    local message, voter = string.match(vote, '^(%d+):(%d+)$')
    if voter == member or (message and mine[message]) then
      redis.call('SREM', voters, vote)
      if voter == member then votes = votes + 1 end
    end
  end
end
return {left, answers, redis.call('DEL', KEYS[1]), redis.call('HDEL', KEYS[3], member), redis.call('DEL', KEYS[2]),
  votes}
