/**
 * Passwords: hashing, the rules for new passwords, lock-out after failed logins, and reset tokens.
 *
 * <p><b>Hashing.</b> {@link dev.clientele.password.PasswordHasher} is the contract;
 * {@link dev.clientele.password.Pbkdf2PasswordHasher} implements it with the JDK's PBKDF2-HMAC-SHA256, by default
 * with 600,000 iterations as OWASP recommends, a 16-byte random salt and a 32-byte key. Hashes are stored as PHC
 * strings ({@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>}, base64 without padding) that carry their own
 * parameters, so old hashes keep verifying when the iteration count is raised. Upgrade happens on login: after a
 * successful {@code verify}, when {@code needsRehash} says so, the password just checked is hashed again with the
 * current parameters and stored. {@code dummyHash} lets an unknown login cost as much as a wrong password.
 *
 * <p><b>Legacy hashes.</b> To take over a Znuny/OTRS customer base without password resets, {@code verify} also
 * accepts every Znuny {@link dev.clientele.password.CryptType}: the unsalted hex digests ({@code sha2}/SHA-256,
 * {@code sha512}, {@code sha1}, in any case, and hex MD5), MD5-crypt ({@code $1$salt$hash}, Znuny's {@code md5}),
 * Apache's {@code apr1} ({@code $apr1$salt$hash}), Unix DES {@code crypt} (13 characters) and {@code bcrypt}, both
 * in Znuny's own form {@code BCRYPT:cost:salt:hash} and as {@code $2a$/$2b$/$2y$}. bcrypt is computed by Spring
 * Security's {@code BCrypt}, DES crypt by Apache Commons Codec's {@code UnixCrypt}. {@code plain} (clear text) cannot
 * be told from a hash and verifies only on a back-end configured with {@code crypt-type = plain}. A malformed stored
 * string is no match, never an exception; comparisons are in constant time.
 *
 * <p><b>Per back-end.</b> {@link dev.clientele.password.PasswordStorage} is how one back-end keeps passwords, read by
 * core from {@code clientele.backend.NAME.rehash} ({@link dev.clientele.password.RehashPolicy}: {@code pbkdf2}, the
 * default, re-hashes legacy hashes to PBKDF2 at the next login; {@code keep-crypt-type} writes the configured
 * {@code crypt-type} on re-hash and on every new password, so a Znuny sharing the table keeps working; {@code off}
 * never re-hashes), {@code clientele.backend.NAME.crypt-type} and {@code clientele.backend.NAME.bcrypt-cost}.
 *
 * <p><b>Policy.</b> {@link dev.clientele.password.PasswordPolicy} holds OTRS's rules for new passwords (length,
 * two lower- and two upper-case letters, a digit, two letters, a regular expression) and reports every rule a
 * password breaks at once. {@link dev.clientele.password.LockoutPolicy} says how many failed logins within a window
 * lock an account and for how long, and computes the next {@link dev.clientele.spi.LoginState} after a failure, a
 * success or an unlock. {@link dev.clientele.password.ResetTokens} makes password reset tokens and the hashes
 * stored for them.
 *
 * <p>Passwords are passed as {@code char[]} and never logged, stored, or put in a message or {@code toString}.
 */
@NullMarked
package dev.clientele.password;

import org.jspecify.annotations.NullMarked;
