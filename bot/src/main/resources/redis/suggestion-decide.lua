-- suggestion-decide.lua: takes an open suggestion out of review, for its approval or rejection.
-- Guarantees: a suggestion is decided once: of two reviewers clicking at the same time, one gets it and the
-- other gets nothing; the member's open count goes down with it.
-- KEYS: 1 the guild's suggestions hash (id -> JSON), 2 the author's set of open suggestion ids
-- ARGV: 1 the suggestion id
-- Returns the suggestion's JSON, or false when it was decided already (or never existed).
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then
  return false
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
return json
