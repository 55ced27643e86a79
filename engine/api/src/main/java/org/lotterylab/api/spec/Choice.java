package org.lotterylab.api.spec;

/** An enum constant with a stable lower-case id used on the command line and in files. */
public interface Choice {
    /** The stable id, e.g. {@code lenet-300-100}. */
    String id();

    /** Finds the constant of {@code type} whose id is {@code id}, or fails with the allowed ids. */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String key, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(id.trim())) {
                return e;
            }
        }
        throw new SpecException(key, "unknown value '" + id + "'; allowed: " + ids(type));
    }

    /** Comma-separated ids of all constants of {@code type}. */
    static <E extends Enum<E> & Choice> String ids(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.id());
        }
        return sb.toString();
    }
}
