fn main() {
    println!("alongside");
}
