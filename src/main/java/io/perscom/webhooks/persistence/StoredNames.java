package io.perscom.webhooks.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Closed sets kept in text columns (statuses, outcomes, kinds): each value is stored as its lowercase name. */
public final class StoredNames {

    private StoredNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value stored as {@code name}, if {@code type} has one. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> of(value).equals(name)).findFirst();
    }

    /** Every stored name of {@code type}, comma-separated, for messages. */
    public static String list(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(StoredNames::of).collect(Collectors.joining(", "));
    }
}
