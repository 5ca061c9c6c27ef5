package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The BOM lists every published module of the reactor, at the project's version. */
@DisplayName("clientele-bom")
class BomTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("%s in %s", p, text.substring(0, Math.min(80, text.length()))).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("names every module that publishes a jar (not examples or benchmarks), with ${project.version}")
    void listsEveryPublishedModule() throws IOException {
        String parent = read(ROOT.resolve("pom.xml"));
        String bom = read(ROOT.resolve("bom/pom.xml"));
        String projectVersion = first(VERSION, parent.substring(parent.indexOf("<artifactId>clientele-parent")));
        assertThat(first(VERSION, bom.substring(bom.indexOf("<artifactId>clientele-bom")))).isEqualTo(projectVersion);

        List<String> published = new ArrayList<>();
        Matcher m = MODULE.matcher(parent);
        while (m.find()) {
            String pom = read(ROOT.resolve(m.group(1)).resolve("pom.xml"));
            if (pom.contains("<packaging>pom</packaging>") || pom.contains("<maven.source.skip>true")) {
                continue;
            }
            published.add(first(ARTIFACT, pom.substring(pom.indexOf("</parent>"))));
        }
        assertThat(published).contains("clientele-core", "clientele-spring-boot-starter");
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        for (String artifact : published) {
            assertThat(managed).as("the BOM manages %s at ${project.version}", artifact)
                    .contains("<artifactId>" + artifact + "</artifactId>\n        <version>${project.version}</version>");
        }
    }
}
