package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResetTokensTest {

    @Test
    @DisplayName("a token is 43 URL-safe base64 characters without padding, encoding 32 bytes")
    void tokenShape() {
        String token = ResetTokens.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    @DisplayName("tokens are unique")
    void tokensUnique() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            tokens.add(ResetTokens.newToken());
        }

        assertThat(tokens).hasSize(1_000);
    }

    @Test
    @DisplayName("the hash is the deterministic lower-case hex SHA-256 of the token, not the token")
    void hash() {
        String token = ResetTokens.newToken();

        assertThat(ResetTokens.hash(token)).isEqualTo(ResetTokens.hash(token))
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(token);
        assertThat(ResetTokens.hash(ResetTokens.newToken())).isNotEqualTo(ResetTokens.hash(token));
        assertThat(ResetTokens.hash("secret"))
                .isEqualTo("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
    }
}
