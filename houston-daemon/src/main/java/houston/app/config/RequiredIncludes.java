package houston.app.config;

import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigParseable;

/**
 * Makes every include of a user's file ({@code include "x.conf"}, {@code file(…)}, {@code classpath(…)},
 * {@code url(…)}) behave as {@code include required(…)}: HOCON skips a missing include silently, so a
 * typo in its name would leave the user's settings out while {@code validate} said the configuration
 * was fine. The library asks an includer for the three explicit forms only through their own
 * interfaces, falling back to its lenient default otherwise: hence all four here.
 */
final class RequiredIncludes implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    private final ConfigIncluder fallback;

    RequiredIncludes() {
        this(null);
    }

    private RequiredIncludes(ConfigIncluder fallback) {
        this.fallback = fallback;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder next) {
        return new RequiredIncludes(fallback == null ? next : fallback.withFallback(next));
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        return requiring(what, () -> fallback.include(required(context), what));
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, java.io.File file) {
        return requiring(file.getPath(), () -> ((ConfigIncluderFile) fallback).includeFile(required(context), file));
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL url) {
        return requiring(url.toString(), () -> ((ConfigIncluderURL) fallback).includeURL(required(context), url));
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String resource) {
        return requiring(resource, () -> ((ConfigIncluderClasspath) fallback).includeResources(required(context), resource));
    }

    private static ConfigObject requiring(String what, java.util.function.Supplier<ConfigObject> include) {
        try {
            return include.get();
        } catch (com.typesafe.config.ConfigException.IO e) {
            throw new Missing(what, e);
        }
    }

    /** An included file that does not exist: which one, so the problem can point at its include line. */
    static final class Missing extends RuntimeException {
        private final String name;

        Missing(String name, Throwable cause) {
            super("include \"" + name + "\": not found", cause);
            this.name = name;
        }

        String name() {
            return name;
        }

        /** The problem, at the first line of {@code file} that includes {@code name}. */
        ConfigProblem problem(java.nio.file.Path file) {
            int line = 0;
            try {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
                for (int i = 0; i < lines.size() && line == 0; i++) {
                    line = lines.get(i).contains("include") && lines.get(i).contains(name) ? i + 1 : 0;
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // Checked as UTF-8 and read moments ago; without the line, the file alone is still said.
            }
            return new ConfigProblem("include", "\"" + name + "\"", "a file that exists, relative to the including file",
                    line == 0 ? file.toString() : file + ":" + line);
        }
    }

    private static ConfigIncludeContext required(ConfigIncludeContext context) {
        return new ConfigIncludeContext() {
            @Override
            public ConfigParseable relativeTo(String filename) {
                return context.relativeTo(filename);
            }

            @Override
            public ConfigParseOptions parseOptions() {
                return context.parseOptions().setAllowMissing(false);
            }

            @Override
            public ConfigIncludeContext setParseOptions(ConfigParseOptions options) {
                return required(context.setParseOptions(options));
            }
        };
    }
}
