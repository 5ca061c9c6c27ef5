package dev.clientele.memory.internal;

import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.Keys;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Password hashes (PHC strings made by core) by login key. Never sees or checks a password. */
public final class MemoryCredentialStore implements CredentialStore {
    private final WriteGuard guard;
    private final ConcurrentMap<String, String> hashes = new ConcurrentHashMap<>();

    public MemoryCredentialStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public Optional<String> passwordHash(String login) {
        return login == null ? Optional.empty() : Optional.ofNullable(hashes.get(Keys.of(login)));
    }

    @Override
    public void setPasswordHash(String login, String hash) {
        guard.checkWritable("set the password of '" + login + "'");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(hash, "hash");
        hashes.put(Keys.of(login), hash);
    }

    @Override
    public boolean deletePasswordHash(String login) {
        guard.checkWritable("delete the password of '" + login + "'");
        return login != null && hashes.remove(Keys.of(login)) != null;
    }

    /** Number of stored hashes. */
    public int size() {
        return hashes.size();
    }
}
