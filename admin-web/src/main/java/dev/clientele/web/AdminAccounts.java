package dev.clientele.web;

import dev.clientele.ValidationException;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The admin accounts of the console: a name and a PHC password hash each, from configuration — never customer
 * accounts. Immutable. Stored as a properties file, one key {@code admin.NAME.password-hash} an account, written by
 * {@code clientele admin set-password NAME}. {@code toString()} shows the names only.
 */
public final class AdminAccounts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String PREFIX = "admin.";
    private static final String SUFFIX = ".password-hash";
    private static final PasswordHasher HASHER = Pbkdf2PasswordHasher.withDefaults();

    private final Map<String, String> hashes;

    private AdminAccounts(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    /** @return no admin account: nobody can log in to the console */
    public static AdminAccounts none() {
        return new AdminAccounts(Map.of());
    }

    /**
     * Accounts from names and PHC hashes.
     *
     * @param hashes name → PHC hash (as {@link PasswordHasher#hash(char[])} makes it)
     * @return the accounts
     * @throws ValidationException naming each bad name or hash (the hash itself is never shown)
     */
    public static AdminAccounts of(Map<String, String> hashes) {
        Map<String, String> errors = new TreeMap<>();
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            if (e.getKey() == null || !NAME.matcher(e.getKey()).matches()) {
                errors.put(String.valueOf(e.getKey()), "an admin name is 1 to 64 letters, digits, '.', '_', '@'"
                        + " or '-'");
            } else if (e.getValue() == null || !e.getValue().startsWith("$")) {
                errors.put(PREFIX + e.getKey() + SUFFIX, "is not a PHC password hash");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("admin accounts", errors);
        }
        return new AdminAccounts(hashes);
    }

    /**
     * Reads the accounts file; a missing file is no account.
     *
     * @param file the properties file
     * @return the accounts
     */
    public static AdminAccounts load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConsoleException("cannot read the admin accounts file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> hashes = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX) || key.length() <= PREFIX.length() + SUFFIX.length()) {
                throw new ValidationException("admin accounts file " + file,
                        Map.of(key, "unknown key; expected admin.NAME.password-hash"));
            }
            hashes.put(key.substring(PREFIX.length(), key.length() - SUFFIX.length()), p.getProperty(key).strip());
        }
        return of(hashes);
    }

    /**
     * These accounts with {@code name}'s password set (the account added if new), hashed with PBKDF2 (the
     * library's default parameters).
     *
     * @param name     the admin name
     * @param password the password; not kept
     * @return the new accounts
     */
    public AdminAccounts withPassword(String name, char[] password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ValidationException.ofArgument("name", "an admin name is 1 to 64 letters, digits, '.', '_', '@'"
                    + " or '-'");
        }
        if (password == null || password.length < 12) {
            throw ValidationException.ofArgument("password", "an admin password has at least 12 characters");
        }
        Map<String, String> m = new TreeMap<>(hashes);
        m.put(name, HASHER.hash(password));
        return new AdminAccounts(m);
    }

    /**
     * Writes the accounts file (replacing it; readable by its owner only where the file system has POSIX
     * permissions).
     *
     * @param file the properties file
     */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".admins", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions apply
                }
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("# Clientele admin console accounts (clientele admin set-password NAME). PHC hashes.\n");
                    for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
                        w.write(PREFIX + e.getKey() + SUFFIX + " = " + e.getValue() + "\n");
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConsoleException("cannot write the admin accounts file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the password is the admin's. An unknown name costs as much as a wrong password.
     *
     * @param name     the admin name as typed
     * @param password the password as typed
     * @return true only for a known admin and its password
     */
    public boolean verify(String name, char[] password) {
        String hash = name == null ? null : hashes.get(name);
        boolean ok = HASHER.verify(password, hash == null ? HASHER.dummyHash() : hash);
        return hash != null && ok;
    }

    /** @return the admin names */
    public Set<String> names() {
        return new java.util.TreeSet<>(hashes.keySet());
    }

    /** @return whether there is no admin at all */
    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminAccounts" + names();
    }
}
