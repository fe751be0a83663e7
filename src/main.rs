fn main() {
    std::process::exit(mizan::cli::main());
}
