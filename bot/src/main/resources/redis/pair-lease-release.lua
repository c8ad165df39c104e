-- pair-lease-release.lua: gives up a week's pairing lease only if this instance still holds it.
-- Guarantees: an instance whose lease expired (it was slow) cannot delete the lease another instance took
-- since, so two instances never post the same week's threads at once.
-- KEYS: 1 the lease
-- ARGV: 1 this instance's owner token
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
