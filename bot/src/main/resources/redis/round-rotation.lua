-- round-rotation.lua: the rotation step of one round: which turn of the level rotation it takes.
-- Guarantees: a round's step is taken once; asking again for the same round (a retry after a failure or a
-- crash) returns the same step and does not move the rotation on.
-- KEYS: 1 the guild's state hash (fields rotation and rotation:<date>)
-- ARGV: 1 the round's date
local field = 'rotation:' .. ARGV[1]
local step = redis.call('HGET', KEYS[1], field)
if step then return tonumber(step) end
step = redis.call('HINCRBY', KEYS[1], 'rotation', 1) - 1
redis.call('HSET', KEYS[1], field, step)
return step
