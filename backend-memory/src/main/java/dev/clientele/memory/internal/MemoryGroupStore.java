package dev.clientele.memory.internal;

import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Groups by name key, ordered; each write is one atomic map operation. */
public final class MemoryGroupStore implements GroupStore {
    private final WriteGuard guard;
    private final ConcurrentNavigableMap<String, Group> groups = new ConcurrentSkipListMap<>();

    public MemoryGroupStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public Optional<Group> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(groups.get(Keys.of(name)));
    }

    @Override
    public List<Group> list() {
        return List.copyOf(groups.values());
    }

    @Override
    public void insert(Group group) {
        Objects.requireNonNull(group, "group");
        guard.checkWritable("create group '" + group.name() + "'");
        if (groups.putIfAbsent(Keys.of(group.name()), group) != null) {
            throw new DuplicateKeyException("group", "name", group.name());
        }
    }

    @Override
    public void update(Group group) {
        Objects.requireNonNull(group, "group");
        guard.checkWritable("update group '" + group.name() + "'");
        if (groups.replace(Keys.of(group.name()), group) == null) {
            throw new NotFoundException("group", group.name());
        }
    }

    public int size() {
        return groups.size();
    }
}
