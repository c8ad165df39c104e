-- board-page.lua: one leaderboard page in one round trip, read only.
-- Guarantees: the top entries, their display names, the caller's rank and score, and the ranks the same
-- members had on the previous period's board are read from the same instant (a script runs atomically), so
-- the caller's line never disagrees with the top list.
-- KEYS: 1 board, 2 names, 3 (optional) the previous period's board
-- ARGV: 1 caller id, 2 page size
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
local ids = {}
for i = 1, #top, 2 do ids[#ids + 1] = top[i] end
ids[#ids + 1] = ARGV[1]
local names = redis.call('HMGET', KEYS[2], unpack(ids))
-- One previous rank per id (the caller last), -1 for a member who was not on that board.
local previous = {}
if KEYS[3] then
  for i = 1, #ids do previous[i] = redis.call('ZREVRANK', KEYS[3], ids[i]) or -1 end
end
return {top, names, redis.call('ZREVRANK', KEYS[1], ARGV[1]) or -1, redis.call('ZSCORE', KEYS[1], ARGV[1]) or '',
  previous}
