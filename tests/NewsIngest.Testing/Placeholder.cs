namespace NewsIngest.Testing;
