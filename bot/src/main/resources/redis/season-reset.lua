-- season-reset.lua: archives the all-time board under a season name and starts an empty one, atomically.
-- Guarantees: a season name is used once (a second reset with it, a double click, changes nothing and says
-- 'exists'); the archive is exactly the board as it was (RENAME, no copy that a concurrent answer could
-- miss); the next answer starts the new all-time board. Same guild hash tag on every key: one Cluster slot.
-- KEYS: 1 the all-time board, 2 the season's archive board, 3 the seasons hash (name -> epoch ms)
-- ARGV: 1 season name, 2 now (epoch ms)
-- Returns 'exists', or 'archived:<members on the archived board>'
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'exists' end
local members = 0
if redis.call('EXISTS', KEYS[1]) == 1 then
  members = redis.call('ZCARD', KEYS[1])
  redis.call('RENAME', KEYS[1], KEYS[2])
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
return 'archived:' .. members
