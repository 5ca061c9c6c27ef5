package dev.clientele.password;

import dev.clientele.spi.Values;

/**
 * The password types of Znuny/OTRS ({@code Customer::AuthModule::DB::CryptType}), by the names Znuny gives them.
 * Every one of them verifies; {@link #PLAIN} only on a back-end configured with it, since clear text cannot be told
 * from a hash. A back-end that shares its table with a running Znuny writes its configured type
 * ({@link RehashPolicy#KEEP_CRYPT_TYPE}, see {@link PasswordStorage}).
 */
public enum CryptType {
    /** Hex SHA-256 of the UTF-8 password, 64 digits (Znuny's default); any case verifies, lower case is written. */
    SHA2("sha2"),
    /** Hex SHA-1, 40 digits. */
    SHA1("sha1"),
    /** Hex SHA-512, 128 digits. */
    SHA512("sha512"),
    /** MD5-crypt, {@code $1$salt$hash}. */
    MD5("md5"),
    /** Apache's MD5-crypt variant, {@code $apr1$salt$hash}. */
    APR1("apr1"),
    /** Traditional Unix DES crypt: 13 characters, the first two the salt; only 8 characters of a password count. */
    CRYPT("crypt"),
    /**
     * bcrypt. Written in Znuny's own form {@code BCRYPT:cost:salt:hash}; {@code $2a$}, {@code $2b$} and
     * {@code $2y$} strings verify too.
     */
    BCRYPT("bcrypt"),
    /** The password itself, in clear text. */
    PLAIN("plain");

    private final String key;

    CryptType(String key) {
        this.key = key;
    }

    /** The name Znuny gives the type, and its value in {@code clientele.backend.NAME.crypt-type}. */
    public String key() {
        return key;
    }

    /**
     * The type of this name, ignoring case and surrounding white space.
     *
     * @throws IllegalArgumentException listing the names, for an unknown one
     */
    public static CryptType parse(String text) {
        return Values.oneOf(text, values(), CryptType::key);
    }
}
