using System.Linq.Expressions;

namespace NewsIngest.ServiceDefaults;

/// <summary>Reads a message's <c>ArticleId</c> property, when it has one, through a compiled accessor per type.</summary>
public static class ArticleIdOf
{
    public static Guid? Get<T>(T message)
        where T : class => Cache<T>.Accessor?.Invoke(message);

    private static class Cache<T>
        where T : class
    {
        public static readonly Func<T, Guid>? Accessor = Compile<T>();
    }

    private static Func<T, Guid>? Compile<T>()
        where T : class
    {
        var property = typeof(T).GetProperty("ArticleId");
        if (property?.PropertyType != typeof(Guid))
        {
            return null;
        }

        var message = Expression.Parameter(typeof(T));
        return Expression.Lambda<Func<T, Guid>>(Expression.Property(message, property), message).Compile();
    }
}
