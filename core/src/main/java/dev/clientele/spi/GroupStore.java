package dev.clientele.spi;

import dev.clientele.Group;
import java.util.List;
import java.util.Optional;

/** Customer groups, by name key. */
public interface GroupStore {

    boolean readOnly();

    Optional<Group> find(String name);

    /** All groups ordered by name key; invalid ones too. */
    List<Group> list();

    /** Stores a new group; throws {@link dev.clientele.DuplicateKeyException} (field name) if the key exists. */
    void insert(Group group);

    /** Replaces a group; throws {@link dev.clientele.NotFoundException} if there is none. */
    void update(Group group);
}
