from eventwire.cli.app import main

main()
