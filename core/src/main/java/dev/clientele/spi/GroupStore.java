package dev.clientele.spi;

import dev.clientele.Group;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer groups, by name key. */
public interface GroupStore {

    boolean readOnly();

    Optional<Group> find(String name);

    /**
     * The stored groups of these names, by {@link Keys#of name key} (names without a group are absent). The policy
     * asks for every group an evaluation needs at once: a store should answer in one round trip. The default asks
     * {@link #find(String)} for each.
     */
    default Map<String, Group> findAll(Collection<String> names) {
        Map<String, Group> out = new HashMap<>();
        for (String n : names) {
            find(n).ifPresent(g -> out.put(Keys.of(g.name()), g));
        }
        return out;
    }

    /** All groups ordered by name key; invalid ones too. */
    List<Group> list();

    /** Stores a new group; throws {@link dev.clientele.DuplicateKeyException} (field name) if the key exists. */
    void insert(Group group);

    /** Replaces a group; throws {@link dev.clientele.NotFoundException} if there is none. */
    void update(Group group);
}
